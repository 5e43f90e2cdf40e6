// KontorPipeline
