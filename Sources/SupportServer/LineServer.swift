// SupportServer: TCP line protocol v1 (issue #4).
