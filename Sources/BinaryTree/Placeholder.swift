// Placeholder: module BinaryTree is being written.
