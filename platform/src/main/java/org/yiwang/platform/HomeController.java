package org.yiwang.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: the role's menu as tiles. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
