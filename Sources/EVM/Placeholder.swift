// Placeholder: module EVM is being written.
