# Reads a regnet Pajek .net export with R's igraph (read_graph(format =
# "pajek")) and writes what igraph holds: one line per vertex ("v", label)
# and per edge ("e", label, label, weight with 17 digits), tab-separated.
# Usage: Rscript tests/read_pajek.R FILE.net OUT.tsv
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(igraph))
g <- read_graph(args[1], format = "pajek")
labels <- V(g)$id
ends <- ends(g, E(g), names = FALSE)
lines <- c(paste("v", labels, sep = "\t"),
           paste("e", labels[ends[, 1]], labels[ends[, 2]],
                 sprintf("%.17g", E(g)$weight), sep = "\t"))
con <- file(args[2], open = "w", encoding = "UTF-8")
writeLines(lines, con, useBytes = TRUE)
close(con)
cat(sprintf("pajek (R igraph %s): %d vertices, %d edges, directed = %s\n",
            as.character(packageVersion("igraph")), vcount(g), ecount(g), is_directed(g)))
