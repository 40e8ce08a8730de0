package org.yiwang.exchange.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.exchange.Connector;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.DivisionCode;
import org.yiwang.kernel.Role;

/**
 * The actor a connector reads and decides as: its department's officer, limited to the street for a street
 * office, so the read path applies the same policy, scope and audit as to the department's own staff.
 */
@Component
class ConnectorActors {

    private final Directory directory;
    /** Departments are reference data (migrations), so a street office's area is looked up once, not per delivery. */
    private final Map<String, Optional<DivisionCode>> scopes = new ConcurrentHashMap<>();

    ConnectorActors(Directory directory) {
        this.directory = directory;
    }

    Actor of(Connector connector) {
        return as("connector:" + connector.code(), connector.department());
    }

    /** A data administrator's dry run, audited under their own name but with the department's rights. */
    Actor preview(Actor admin, Connector connector) {
        return as(admin.username(), connector.department());
    }

    DivisionCode scope(String department) {
        return scopes.computeIfAbsent(department, code -> directory.department(code)
                .filter(d -> d.level() == Department.Level.STREET).map(d -> DivisionCode.of(d.divisionCode())))
                .orElse(null);
    }

    private Actor as(String username, String department) {
        return new Actor(username, Role.DEPARTMENT_OFFICER, department, scope(department), null, Set.of());
    }
}
