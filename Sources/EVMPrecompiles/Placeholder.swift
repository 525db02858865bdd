// Placeholder: module EVMPrecompiles is being written.
