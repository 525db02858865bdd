// Placeholder: module ELFLoader is being written.
