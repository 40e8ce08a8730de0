package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules only talk through their public API and events, and only to the modules their {@code package-info.java}
 * allows ({@code @ApplicationModule(allowedDependencies)}), so the layering is enforced, not habit; also renders the
 * module diagrams for the docs.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(YiwangApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresExactlyTheModulesItUses() {
        assertThat(modules.stream()).isNotEmpty().allSatisfy(module -> {
            ApplicationModule declaration = declaration(module.getBasePackage().getName());
            assertThat(declaration).as("@ApplicationModule on %s", module.getBasePackage().getName()).isNotNull();
            assertThat(declaration.allowedDependencies()).as("%s declares its allowed dependencies", module.getName())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            var used = new TreeSet<String>();
            module.getDirectDependencies(modules).uniqueModules().forEach(m -> used.add(m.getName()));
            // a declaration naming a module no longer used is stale: the allowed layering says more than the code
            assertThat(new TreeSet<>(Arrays.asList(declaration.allowedDependencies())))
                    .as("allowedDependencies of %s (the modules its code uses)", module.getName()).isEqualTo(used);
        });
    }

    @Test
    void theKernelIsSharedOpenAndUsesNoOtherModule() {
        var kernel = modules.getModuleByName("kernel").orElseThrow();
        assertThat(modules.getSharedModules()).contains(kernel);
        assertThat(kernel.isOpen()).isTrue();
        assertThat(kernel.getDirectDependencies(modules).isEmpty()).isTrue();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static ApplicationModule declaration(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
