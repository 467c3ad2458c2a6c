"""Running the checks: the engine, the cache, forking, the verdict, reporters and the build."""
