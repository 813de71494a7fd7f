# Install rules: the program, resources, desktop integration (issue 8).
