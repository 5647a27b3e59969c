#!/usr/bin/env Rscript
# Gould-Fernandez brokerage per pair of endpoint groups, counted by R's sna
# (the C routine brokerage_R behind sna::brokerage), for
# scripts/reference_brokerage_pairs.py.
# Usage: brokerage_pairs.R EDGES.csv GROUPS.csv OUT.csv
#   EDGES.csv: columns a,b (1-based node numbers, one row per undirected edge)
#   GROUPS.csv: column group (one row per node, in node order)
# Writes rows node,from,to,role,count in regnet's undirected convention
# (docs/bridging.md): each unordered open two-path once.
#
# For each pair of groups (A, B), A <= B in byte order, a digraph D whose
# directed two-paths are exactly the two-paths i - v - k with i in A and k in
# B: a source copy x' of every node of A, the nodes themselves as brokers, a
# target copy y'' of every node of B; arcs x' -> v for each tie x - v,
# v -> y'' for each tie v - y, and x' -> y'' for each tie x - y (so a closed
# triple is not a brokerage opportunity) and x' -> x'' (so i = k is none).
# sna counts, per broker v, coordinator w_I, itinerant w_O, representative
# b_IO (v in the source's group), gatekeeper b_OI (v in the target's group)
# and liaison b_O.  A path with ends in A and B (A < B) appears once in
# D(A, B); with both ends in A, twice (i -> k and k -> i), hence the halves.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
edges <- read.csv(args[1])
groups <- read.csv(args[2], colClasses = "character", na.strings = character(0))$group
n <- length(groups)
a <- c(edges$a, edges$b)   # both directions of every tie
b <- c(edges$b, edges$a)
labels <- sort(unique(groups), method = "radix")  # byte order, as regnet
counts <- function(arcs, N, cl) {
  icl <- match(cl, unique(cl))
  m <- NROW(arcs)
  matrix(.C("brokerage_R", as.double(cbind(arcs, 1)), as.integer(N), as.integer(m),
            as.integer(icl), brok = as.double(matrix(0, N, 5)), PACKAGE = "sna",
            NAOK = TRUE)$brok, N, 5)
}
out <- list()
for (ia in seq_along(labels)) for (ib in ia:length(labels)) {
  A <- labels[ia]; B <- labels[ib]
  inA <- which(groups == A); inB <- which(groups == B)
  src <- rep(NA_integer_, n); src[inA] <- n + seq_along(inA)
  dst <- rep(NA_integer_, n); dst[inB] <- n + length(inA) + seq_along(inB)
  N <- n + length(inA) + length(inB)
  from_a <- !is.na(src[a])                  # x -> v with x in A
  to_b <- !is.na(dst[b])                    # v -> y with y in B
  both <- from_a & !is.na(dst[b])           # x -> y, x in A, y in B
  self <- intersect(inA, inB)               # x' -> x'' (A == B)
  arcs <- rbind(cbind(src[a[from_a]], b[from_a]),
                cbind(a[to_b], dst[b[to_b]]),
                cbind(src[a[both]], dst[b[both]]),
                cbind(src[self], dst[self]))
  if (NROW(arcs) == 0) next
  cl <- c(groups, rep(A, length(inA)), rep(B, length(inB)))
  br <- counts(arcs, N, cl)[1:n, , drop = FALSE]
  for (v in which(rowSums(br) > 0)) {
    r <- br[v, ]
    add <- function(from, to, role, count)
      if (count > 0) out[[length(out) + 1]] <<- data.frame(node = v, from = from, to = to,
                                                           role = role, count = count)
    if (A == B) {
      add(A, A, "coordinator", r[1] / 2)
      add(A, A, "itinerant", r[2] / 2)
    } else {
      add(A, B, "gatekeeper_representative", r[3])  # v in A: representative
      add(B, A, "gatekeeper_representative", r[4])  # v in B: gatekeeper
      add(A, B, "liaison", r[5])
    }
  }
}
write.csv(do.call(rbind, out), args[3], row.names = FALSE)
