package org.yiwang.kernel;

/** The roles of the people in MISSION.md. The message key {@code role.<name>} labels each in the UI. */
public enum Role {
    RESIDENT,
    ENTERPRISE,
    WINDOW_CLERK,
    DEPARTMENT_OFFICER,
    GRID_WORKER,
    COMMAND_CENTER,
    DATA_ADMIN,
    SYSTEM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
