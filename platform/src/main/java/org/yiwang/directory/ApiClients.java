package org.yiwang.directory;

import java.util.List;
import org.yiwang.kernel.Role;

/**
 * Department systems that call {@code /api/**} with the header {@code X-Api-Key}. Only a hash of each key is
 * stored: the key is returned once, at creation.
 */
public interface ApiClients {

    String HEADER = "X-Api-Key";

    /** Creates a client acting as a department officer without territorial limit; returns its key (shown once). */
    String create(String name, String departmentCode);

    /**
     * @param scopeDivision a known division limiting the client's data scope, or {@code null}
     * @return the key, shown once
     * @throws org.yiwang.kernel.InvalidInputException for a bad or taken name, unknown department or division
     */
    String create(String name, String departmentCode, Role role, String scopeDivision);

    /**
     * Creates a department-officer client with a key provisioned elsewhere (a deployment's secret store, the demo),
     * or gives an existing client of that name this key. Only the key's hash is stored.
     *
     * @throws org.yiwang.kernel.InvalidInputException for a bad name, unknown department or a key shorter than 32
     */
    void register(String name, String departmentCode, String key);

    List<ApiClient> list();

    /** @throws org.yiwang.kernel.NotFoundProblem for an unknown name */
    void disable(String name);
}
