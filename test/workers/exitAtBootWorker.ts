/** A worker that ends during start-up with exit code 0, without an error: no answer will ever come. */
process.exit(0);
