package dev.gapwise.gap.matrix;

import dev.gapwise.gap.Group;

/** One cell of the 2×2: a country of the developer and an access. */
public enum Quadrant {
    US_CLOSED(Group.parse("US closed", "country=US,access=closed")),
    US_OPEN(Group.parse("US open", "country=US,access=open")),
    CHINA_CLOSED(Group.parse("China closed", "country=CN,access=closed")),
    CHINA_OPEN(Group.parse("China open", "country=CN,access=open"));

    private final Group group;

    Quadrant(Group group) {
        this.group = group;
    }

    /** The models of the quadrant. */
    public Group group() {
        return group;
    }

    /** "US closed". */
    public String label() {
        return group.label();
    }
}
