package com.riskpulse.desktop.users;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * User administration (admins only): the accounts, creating one (the engine's refusal shown next to the field it
 * names), changing a role, disabling and enabling. The engine keeps the last admin; its refusal is shown readably.
 */
public final class UsersViewModel {

    /** The roles as the API names them, lowest first. */
    public static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::wireName).toList();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RiskClient client;
    private final Background background;
    private final Navigator navigator;
    private final ZoneId zone;
    private final boolean allowed;

    private final ObservableList<UserView> users = FXCollections.observableArrayList();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("viewer");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emailError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper roleError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<UserView> selected = new SimpleObjectProperty<>();
    private final StringProperty selectedRole = new SimpleStringProperty();

    public UsersViewModel(ScreenContext ctx) {
        this.client = ctx.client();
        this.background = ctx.background();
        this.navigator = ctx.navigator();
        this.zone = ctx.clock().getZone();
        this.allowed = client.may(Permission.MANAGE_USERS);
        selected.addListener((o, old, user) -> selectedRole.set(user == null ? null : user.role()));
        username.addListener((o, a, b) -> usernameError.set(""));
        email.addListener((o, a, b) -> emailError.set(""));
        password.addListener((o, a, b) -> passwordError.set(""));
        role.addListener((o, a, b) -> roleError.set(""));
    }

    /** Whether the logged-in user manages users; the screen shows "Admins only" otherwise. */
    public boolean allowed() {
        return allowed;
    }

    public void refresh() {
        if (!allowed) return;
        background.run(client::users, list -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            users.setAll(list);
            if (keep != null) selected.set(list.stream().filter(u -> u.id() == keep).findFirst().orElse(null));
        }, e -> navigator.showError("Users", Errors.readable(e)));
    }

    /** Creates the account from the form; on refusal, the message goes next to the field the engine names. */
    public void create() {
        clearErrors();
        String u = username.get().trim(), m = email.get().trim(), p = password.get(), r = role.get();
        if (u.isEmpty()) usernameError.set("Required.");
        if (m.isEmpty()) emailError.set("Required.");
        if (p == null || p.isEmpty()) passwordError.set("Required.");
        if (r == null) roleError.set("Required.");
        if (u.isEmpty() || m.isEmpty() || p == null || p.isEmpty() || r == null) return;
        call(() -> client.createUser(u, m, p, r), created -> {
            username.set("");
            email.set("");
            password.set("");
            navigator.notify("Created user " + created.username() + " (" + created.role() + ").");
            refresh();
        }, this::showCreateError);
    }

    private void showCreateError(Throwable e) {
        String field = e instanceof RiskClientException rce ? rce.error().field() : null;
        Map<String, ReadOnlyStringWrapper> byField = Map.of("username", usernameError, "email", emailError,
                "password", passwordError, "role", roleError);
        ReadOnlyStringWrapper target = field == null ? null : byField.get(field);
        if (target != null) target.set(e.getMessage());
        else formError.set(Errors.readable(e));
    }

    private void clearErrors() {
        usernameError.set("");
        emailError.set("");
        passwordError.set("");
        roleError.set("");
        formError.set("");
    }

    /** Gives the selected user the role picked for it. */
    public void applyRole() {
        UserView user = selected.get();
        String r = selectedRole.get();
        if (user == null || r == null || r.equals(user.role())) return;
        call(() -> client.changeRole(user.id(), r), changed -> {
            navigator.notify(changed.username() + " is now " + changed.role() + ".");
            refresh();
        }, e -> {
            selectedRole.set(user.role());
            navigator.showError("Change role of " + user.username(), Errors.readable(e));
        });
    }

    /** Disables the selected user when enabled, enables it when disabled. */
    public void toggleEnabled() {
        UserView user = selected.get();
        if (user == null) return;
        boolean disable = user.enabled();
        call(() -> disable ? client.disableUser(user.id()) : client.enableUser(user.id()), changed -> {
            navigator.notify(changed.username() + (changed.enabled() ? " enabled." : " disabled."));
            refresh();
        }, e -> navigator.showError((disable ? "Disable " : "Enable ") + user.username(), Errors.readable(e)));
    }

    private void call(Callable<UserView> work, java.util.function.Consumer<UserView> onDone,
                      java.util.function.Consumer<Throwable> onError) {
        working.set(true);
        background.run(work, done -> {
            working.set(false);
            onDone.accept(done);
        }, e -> {
            working.set(false);
            onError.accept(e);
        });
    }

    public String created(UserView user) {
        return user.createdAt() == null ? "" : TIME.format(user.createdAt().atZone(zone));
    }

    // ---- properties

    public ObservableList<UserView> users() {
        return users;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty email() {
        return email;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty role() {
        return role;
    }

    public ReadOnlyStringProperty usernameError() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailError() {
        return emailError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordError() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleError() {
        return roleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formError() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty working() {
        return working.getReadOnlyProperty();
    }

    public ObjectProperty<UserView> selected() {
        return selected;
    }

    public StringProperty selectedRole() {
        return selectedRole;
    }
}
