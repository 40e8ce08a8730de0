package org.yiwang.directory;

import java.util.List;
import java.util.Optional;
import org.yiwang.kernel.Actor;

/** The people who sign in: accounts with a role, a department and a data scope. */
public interface Users {

    /**
     * Creates an account after checking every field (username format and uniqueness, password length, role,
     * known department, known scope division, the resident's citizen ID, the enterprise's credit codes).
     *
     * @throws org.yiwang.kernel.InvalidInputException naming each offending field; nothing is written then
     */
    User create(NewUser user);

    List<User> list();

    Optional<User> find(String username);

    /** The actor a user acts as (the resident's citizen ID decrypted), e.g. for jobs acting on their behalf. */
    Optional<Actor> actor(String username);

    /** @throws org.yiwang.kernel.NotFoundProblem for an unknown username */
    void setEnabled(String username, boolean enabled);
}
