package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.SeedPlansYear;

/** The engine's authorization checks with the user's groups passed as they are (AuthenticatedGroupsPlugin). */
@SpringBootTest
@ActiveProfiles("test")
@SeedPlansYear
class AuthenticatedGroupsPluginTests {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    @Test
    void theEngineUsesTheUnfilteredAuthorizationManager() {
        Object manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories()
                .get(AuthorizationManager.class).openSession();
        assertThat(manager).isInstanceOf(AuthenticatedGroupsPlugin.UnfilteredGroupsAuthorizationManager.class);
        assertThat(((AuthorizationManager) manager).filterAuthenticatedGroupIds(List.of("kesat-cax", "no-grants")))
                .containsExactly("kesat-cax", "no-grants");
        assertThat(((AuthorizationManager) manager).filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    void aGroupWithoutGrantsChangesNothingThatAUserSees() {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        List<String> own = tasks.createTaskQuery().list().stream().map(task -> task.getName()).toList();
        identity.setAuthentication("kesat.cax", List.of("kesat-cax", "a-group-without-grants"));
        List<String> withExtraGroup = tasks.createTaskQuery().list().stream().map(task -> task.getName()).toList();
        identity.setAuthentication("someone", List.of("a-group-without-grants"));
        long strangers = tasks.createTaskQuery().count();
        identity.clearAuthentication();

        assertThat(own).hasSize(1).allSatisfy(name -> assertThat(name).contains("Công an xã"));
        assertThat(withExtraGroup).isEqualTo(own);
        assertThat(strangers).isZero();
    }
}
