"""Running at scale: the batch runner and its engines (processes, Dask), and the benchmarks."""
