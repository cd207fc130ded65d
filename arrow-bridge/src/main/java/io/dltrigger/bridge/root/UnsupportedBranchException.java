package io.dltrigger.bridge.root;

/** A branch whose type the reader cannot decode; names the branch and its type. */
public class UnsupportedBranchException extends RootFormatException {
    public UnsupportedBranchException(String location, BranchInfo branch) {
        super(location, "branch '" + branch.name() + "' has an unsupported type: " + branch.unsupportedReason());
    }
}
