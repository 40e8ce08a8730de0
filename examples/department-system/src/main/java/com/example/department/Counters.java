package com.example.department;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counters kept in the database (T_TJ), so a restart — the simulated outage — does not reset them. */
@Component
class Counters {

    enum Counter { DUPLICATES, REJECTED }

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void increment(Counter counter) {
        jdbc.sql("UPDATE T_TJ SET SL = SL + 1 WHERE TJX = ?").param(counter.name()).update();
    }

    long get(Counter counter) {
        return jdbc.sql("SELECT SL FROM T_TJ WHERE TJX = ?").param(counter.name()).query(Long.class).single();
    }
}
