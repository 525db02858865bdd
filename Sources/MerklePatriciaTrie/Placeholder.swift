// Placeholder: module MerklePatriciaTrie is being written.
