package com.example.department;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The officers' login page, in their language (the form posts to Spring Security's {@code /login}). */
@Controller
class LoginPage {

    private final DepartmentProperties department;

    LoginPage(DepartmentProperties department) {
        this.department = department;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("department", department);
        return "department/login";
    }
}
