"""Engines that run analysis past one process: Ray Data (``ray_engine``)."""
