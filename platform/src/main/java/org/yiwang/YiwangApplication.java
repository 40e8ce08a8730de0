package org.yiwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** yiwang (一网): one data foundation under 一网通办 and 一网统管. */
@SpringBootApplication
@Modulithic(sharedModules = "kernel")
@EnableScheduling
public class YiwangApplication {

    public static void main(String[] args) {
        SpringApplication.run(YiwangApplication.class, args);
    }
}
