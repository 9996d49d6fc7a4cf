"""Trainer for Retone's histogram network (PyTorch, CPU). Reads the Java-written dataset file."""
