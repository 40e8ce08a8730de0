package org.yiwang.directory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.directory.Division;

@Service
class JdbcDirectory implements Directory {

    private final JdbcClient jdbc;

    JdbcDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Division> division(String code) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM directory_division WHERE code = ?")
                .param(code).query(JdbcDirectory::division).optional();
    }

    @Override
    public List<Division> children(String code) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM directory_division WHERE parent_code = ? ORDER BY code")
                .param(code).query(JdbcDirectory::division).list();
    }

    @Override
    public List<Division> within(String code, Division.Level level) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM directory_division WHERE starts_with(code, ?) AND level = ? ORDER BY code")
                .params(code, level.name()).query(JdbcDirectory::division).list();
    }

    @Override
    public List<Division> lineage(String code) {
        return jdbc.sql("""
                WITH RECURSIVE up AS (
                    SELECT code, name, level, parent_code, 0 AS depth FROM directory_division WHERE code = ?
                    UNION ALL
                    SELECT d.code, d.name, d.level, d.parent_code, up.depth + 1
                    FROM directory_division d JOIN up ON d.code = up.parent_code)
                SELECT code, name, level, parent_code FROM up ORDER BY depth DESC""")
                .param(code).query(JdbcDirectory::division).list();
    }

    @Override
    public Optional<Department> department(String code) {
        return jdbc.sql("SELECT code, name, name_en, level, division_code FROM directory_department WHERE code = ?")
                .param(code).query(JdbcDirectory::department).optional();
    }

    @Override
    public List<Department> departments() {
        return jdbc.sql("SELECT code, name, name_en, level, division_code FROM directory_department ORDER BY level, code")
                .query(JdbcDirectory::department).list();
    }

    private static Division division(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Division(rs.getString("code"), rs.getString("name"), Division.Level.valueOf(rs.getString("level")),
                rs.getString("parent_code"));
    }

    private static Department department(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Department(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                Department.Level.valueOf(rs.getString("level")), rs.getString("division_code"));
    }
}
