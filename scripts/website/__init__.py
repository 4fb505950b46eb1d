"""Stage 2 of the pipeline: the published data package -> the bilingual site (docs/ ->
site/): one view of the package, one text layer, charts, blocks, MkDocs hooks."""
