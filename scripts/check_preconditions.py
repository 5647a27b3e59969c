#!/usr/bin/env python3
"""List the public functions of analyses/, engine/, output/ and loaders/ without
a GLib precondition, and fail when one is not on the allow-list.

A public function is one declared in a header (*.h) of those folders.  Its
definition (in a .c file of the same folders, or inline in the header) must
check its arguments with g_return_val_if_fail / g_return_if_fail
(docs/testing.md, "Preconditions"):

  - every pointer parameter is named in a precondition, or tested for NULL
    in the body, or listed in NULLABLE_ARGS (NULL allowed by contract);
  - a function with a `GError **error` parameter checks
    `error == NULL || *error == NULL`.

A function that takes no pointer argument has nothing to check: it belongs on
NO_POINTER below, with the reason.  A function whose every pointer may be NULL
by contract belongs on NULLABLE, with the reason; the three heap helpers of
the shortest-path inner loop are on INNER_LOOP.  Entries of either list that
no longer apply fail the check too, so the lists stay exact.

Usage: scripts/check_preconditions.py [ROOT] [--list]
  --list   print every public function and its preconditions count
Exit status 0 when every public function follows the rule, 1 otherwise.
"""
import os
import re
import sys

FOLDERS = ("analyses", "engine", "output", "loaders")

# Functions that take no pointer argument (nothing to check), with the reason.
NO_POINTER = {
    # no argument at all
    "rn_country_names_attribution": "no argument: a static string",
    "rn_error_quark": "no argument (G_DEFINE_QUARK in engine/error.c)",
    "rn_export_files_new": "no argument: a new empty array",
    "rn_igraph_begin": "no argument: resets the adapter's reason",
    "rn_igraph_take_warnings": "no argument: hands over the warnings",
    "rn_igraph_version": "no argument: a static string",
    "rn_json_generator": "no argument: a new object",
    "rn_label_points_attribution": "no argument: a static string",
    "rn_model_new": "no argument: a new empty model",
    "rn_output_cleanup_from_signal": "no argument; async-signal-safe, so no GLib logging",
    "rn_prefetch_new": "no argument: a new empty prefetch",
    "rn_sector_rules_default": "no argument: the built-in table",
    # numbers and enumerations only; every value of the type is legal or
    # answered by the documented result (NAN, "unknown", FALSE)
    "rn_compare_lengths": "two doubles; inline in the Dijkstra inner loop (path_graph.h)",
    "rn_correlation_p_value": "doubles and a count; NAN is its documented answer for n < 3",
    "rn_export_format_is_folder": "an enumeration value; FALSE for any other",
    "rn_figure_radius": "doubles; clamps to [min_radius, max_radius]",
    "rn_igraph_seed": "any 64-bit seed is legal",
    "rn_network_kind_name": "an enumeration value",
    "rn_network_new": "an enumeration value: the kind of an empty network",
    "rn_score_from_logit": "a double: 1 / (1 + e^-x) for any x",
    "rn_statistic_needs_paths": "an enumeration value",
    "rn_stream_seed": "integers only: any seed and stream are legal",
    "rn_weighting_name": "an enumeration value",
}

# Functions whose every pointer argument may be NULL by contract, with the reason.
NULLABLE = {
    # *_free functions are NULL-safe like g_free (g_autoptr calls them on NULL)
    "rn_csv_free": "NULL-safe free",
    "rn_export_table_free": "NULL-safe free",
    "rn_model_free": "NULL-safe free",
    "rn_network_free": "NULL-safe free",
    "rn_prefetch_free": "NULL-safe free",
    "rn_region_names_free": "NULL-safe free",
    "rn_sector_rules_free": "NULL-safe free",
    # NULL is a documented value of the only pointer
    "rn_cancelled": "cancel NULL: never cancelled",
    "rn_progress_end": "progress NULL: no progress reporting (RnAnalysisOptions.progress)",
    "rn_progress_estimate": "progress NULL: no progress reporting",
    "rn_progress_step": "progress NULL: no progress reporting",
    "rn_read_limits_set": "NULL restores the default limits",
    "rn_sector_is_activity_type": "a NULL sector is no activity type (FALSE)",
}

# Single arguments that may be NULL by contract (documented in the header),
# function -> {argument: reason}; the other pointers of the function are checked.
NULLABLE_ARGS = {
    "rn_betweenness_sample": {"progress": "NULL: no progress reporting"},
    "rn_pendants_source": {"hops": "NULL: no hop distances (the source is outside the scope)"},
    "rn_twins_find_among": {"eligible": "NULL: every node eligible"},
    "rn_country_point": {"edition": "NULL: the table's default edition"},
    "rn_csv_open": {"display_name": "NULL: path"},
    "rn_csv_open_parsed": {"display_name": "NULL: path", "cancel": "NULL: never cancelled"},
    "rn_description_check_members": {"object": "NULL or not an object: nothing to check"},
    "rn_eigenvector": {"weights": "NULL: unweighted (igraph's convention)"},
    "rn_eigenvector_pagerank": {"weights": "NULL: unweighted (igraph's convention)"},
    "rn_export_files_add": {"name": "NULL: the one file of a single-file format"},
    "rn_export_table_from_arrays": {"edges": "NULL: a node table only", "kind": "NULL: no kind column"},
    "rn_figure_render": {"data": "the drawing function's user data"},
    "rn_json_document": {"dataset_name": "null in the report", "dataset_file": "null in the report",
                         "attribution": "null in the report"},
    "rn_json_records_open": {"records": "NULL: the document is the array"},
    "rn_json_nodes": {"c": "no centralities (compare's CSV export)", "b": "no bridging"},
    "rn_load_keep_partners": {"display": "NULL: path"},
    "rn_load_keep_projects": {"display": "NULL: path"},
    "rn_read_file": {"display_name": "NULL: path"},
    "rn_read_file_full": {"cancel": "NULL: never cancelled"},
    "rn_write_file_streamed": {"data": "the producer's user data"},
    "rn_xml_start_ns": {"prefix": "NULL: no namespace prefix", "uri": "NULL: no namespace URI"},
}

# Inline helpers of the shortest-path inner loop (path_graph.h): called
# O(E log V) times per source by paths.c and betweenness_sample.c on arrays
# those files own; a precondition there costs measurable time for no caller
# outside the path pass.
INNER_LOOP = {
    "rn_heap_less": "Dijkstra heap comparison",
    "rn_heap_pop": "Dijkstra heap pop",
    "rn_heap_push": "Dijkstra heap push",
}


def strip_comments(text):
    """Comments and string/char literals blanked (same length, newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j - 1]) + c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def strip_preprocessor(text):
    lines = text.split("\n")
    out = []
    cont = False
    for line in lines:
        if cont or line.lstrip().startswith("#"):
            cont = line.endswith("\\")
            out.append(" " * len(line))
        else:
            out.append(line)
    return "\n".join(out)


IDENT = r"[A-Za-z_]\w*"


def top_level_chunks(text):
    """Yields (kind, chunk, body) for the top-level statements of text:
    kind 'decl' for a chunk ending in ';', 'def' for one followed by a body."""
    depth = 0
    start = 0
    i, n = 0, len(text)
    paren = 0
    while i < n:
        c = text[i]
        if c == "(":
            paren += 1
        elif c == ")":
            paren -= 1
        elif c == "{" and paren == 0:
            # find the matching brace
            d = 0
            j = i
            while j < n:
                if text[j] == "{":
                    d += 1
                elif text[j] == "}":
                    d -= 1
                    if d == 0:
                        break
                j += 1
            head = text[start:i]
            body = text[i:j + 1]
            yield ("def", head, body)
            i = j + 1
            start = i
            continue
        elif c == ";" and paren == 0:
            yield ("decl", text[start:i], None)
            start = i + 1
        i += 1


FUNC_RE = re.compile(r"(" + IDENT + r")\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:G_GNUC_\w+\s*(?:\([^)]*\))?\s*)*$",
                     re.S)


def parse_function(head):
    """(name, params) when head is a function declarator, else None."""
    head = head.strip()
    if not head or head.startswith(("typedef", "struct", "enum", "union")) and "(" not in head.split("{")[0]:
        return None
    if head.startswith("typedef"):
        return None
    if head.startswith("extern") and "(" not in head:
        return None
    m = FUNC_RE.search(head)
    if not m:
        return None
    name = m.group(1)
    prefix = head[:m.start()].strip()
    if not prefix or "=" in prefix:  # a call or an initialiser, not a declarator
        return None
    if name in ("if", "while", "for", "switch", "return", "sizeof"):
        return None
    return name, m.group(2)


def split_params(params):
    out, depth, cur = [], 0, ""
    for c in params:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return [p for p in out if p and p != "void"]


def param_name(p):
    m = re.search(r"\(\s*\*\s*(" + IDENT + r")\s*\)", p)  # function pointer
    if m:
        return m.group(1)
    m = re.search(r"(" + IDENT + r")\s*(\[[^\]]*\])*\s*$", p)
    return m.group(1) if m else p


def is_pointer(p):
    if re.search(r"\bg(const)?pointer\b", p):
        return True
    return "*" in p or "[" in p or re.search(r"\(\s*\*", p) is not None or p == "..."


def handles_null(p, body):
    """Does the body test p for NULL (a pointer that may be NULL by contract)?"""
    e = re.escape(p)
    return re.search(r"\b" + e + r"\s*[!=]=\s*NULL|NULL\s*[!=]=\s*" + e + r"\b|!\s*" + e + r"\b(?!\s*[-\[.])"
                     r"|\b" + e + r"\s*\?|if\s*\(\s*" + e + r"\s*\)|\b" + e + r"\s*&&|&&\s*" + e + r"\s*\)"
                     r"|\|\|\s*" + e + r"\s*\)", body) is not None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    public = {}   # name -> (header, params)
    defs = {}     # name -> (file, params, body)
    for folder in FOLDERS:
        d = os.path.join(root, folder)
        for fn in sorted(os.listdir(d)):
            if not fn.endswith((".h", ".c")):
                continue
            path = os.path.join(folder, fn)
            with open(os.path.join(root, path), encoding="utf-8") as f:
                text = strip_preprocessor(strip_comments(f.read()))
            for kind, head, body in top_level_chunks(text):
                parsed = parse_function(head)
                if not parsed:
                    continue
                name, params = parsed
                is_static = re.match(r"\s*static\b", head) is not None
                if fn.endswith(".h"):
                    public.setdefault(name, (path, params))
                    if kind == "def":
                        defs[name] = (path, params, body)
                elif kind == "def" and not is_static:
                    defs[name] = (path, params, body)
    problems = []
    covered = 0
    for name in sorted(public):
        header, _ = public[name]
        if name not in defs:
            if name in NO_POINTER:
                continue
            problems.append(f"{header}: {name}: declared but no definition found")
            continue
        path, params, body = defs[name]
        plist = split_params(params)
        pointers = [param_name(p) for p in plist if is_pointer(p)]
        checks = re.findall(r"\bg_return(?:_val)?_if_fail\s*\((.*?)\)\s*;", body, re.S)
        checks = [re.sub(r"\s+", " ", c) for c in checks]
        has_error = any(re.search(r"\bGError\s*\*\s*\*\s*error\b", p) for p in plist)
        error_checked = any(re.search(r"error\s*==\s*NULL\s*\|\|\s*\*\s*error\s*==\s*NULL", c) for c in checks)
        if listing:
            print(f"{path}: {name}: {len(checks)} precondition(s); pointers: {', '.join(pointers) or '-'}")
        if name in NO_POINTER:
            if pointers:
                problems.append(f"{path}: {name}: on NO_POINTER but takes {', '.join(pointers)}")
            if checks:
                problems.append(f"{path}: {name}: on NO_POINTER but has preconditions; remove it from the list")
            continue
        if name in INNER_LOOP:
            continue
        if name in NULLABLE:
            if checks:
                problems.append(f"{path}: {name}: on NULLABLE but has preconditions; remove it from the list")
            continue
        if not pointers:
            if not checks:
                problems.append(f"{path}: {name}: takes no pointer and has no precondition; "
                                "add one on its ranges or list it in NO_POINTER with the reason")
            else:
                covered += 1
            continue
        if not checks:
            problems.append(f"{path}: {name}: no g_return_val_if_fail/g_return_if_fail precondition "
                            f"(pointer arguments: {', '.join(pointers)})")
            continue
        unchecked = [p for p in pointers if p not in ("error", "...")
                      and not any(re.search(r"\b" + re.escape(p) + r"\b", c) for c in checks)
                      and p not in NULLABLE_ARGS.get(name, {})
                      and not handles_null(p, body)]
        if unchecked:
            problems.append(f"{path}: {name}: pointer argument(s) {', '.join(unchecked)} neither checked "
                            "by a precondition nor tested for NULL in the body")
            continue
        if has_error and not error_checked:
            problems.append(f"{path}: {name}: takes GError **error but does not check "
                            "'error == NULL || *error == NULL'")
            continue
        covered += 1
    for name, args in sorted(NULLABLE_ARGS.items()):
        if name in defs:
            plist = [param_name(p) for p in split_params(defs[name][1])]
            for a in args:
                if a not in plist:
                    problems.append(f"{name}: NULLABLE_ARGS names {a}, not an argument any more; remove it")
    for name in sorted(set(NO_POINTER) | set(NULLABLE) | set(INNER_LOOP) | set(NULLABLE_ARGS)):
        if name not in public:
            problems.append(f"{name}: on an allow-list but not a public function any more; remove it")
    for p in problems:
        print(p)
    print(f"check_preconditions: {len(public)} public functions, {covered} with preconditions, "
          f"{len(NO_POINTER)} without pointer arguments, {len(NULLABLE)} nullable by contract, "
          f"{len(INNER_LOOP)} inner-loop helpers, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
