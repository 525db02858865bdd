// Placeholder: module InputContainer is being written.
