"""Stage 1 of the pipeline: transcribed sources (datapackage/source/) -> checked,
validated, published data package (datapackage/)."""
