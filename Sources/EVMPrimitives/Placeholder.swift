// Placeholder: module EVMPrimitives is being written.
