// Placeholder: module HostABI is being written.
