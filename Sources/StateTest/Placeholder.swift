// Placeholder: module StateTest is being written.
