// Placeholder: module GuestABI is being written.
