package com.riskpulse.desktop.users;

import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.UserView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

import java.util.function.Function;

/** User administration (admins only): the accounts, a form to create one, role changes, disable / enable. */
public final class UsersView implements Screen {

    private final UsersViewModel viewModel;
    private final Parent root;

    @FXML private BorderPane content;
    @FXML private Label adminsOnly;
    @FXML private TableView<UserView> usersTable;
    @FXML private TableColumn<UserView, Object> idColumn, usernameColumn, emailColumn, roleColumn, enabledColumn, createdColumn;
    @FXML private ComboBox<String> selectedRoleBox, roleBox;
    @FXML private Button applyRoleButton, toggleEnabledButton, createButton;
    @FXML private TextField usernameField, emailField;
    @FXML private PasswordField passwordField;
    @FXML private Label selectedLabel, usernameError, emailError, passwordError, roleError, formError;

    public UsersView(ScreenContext ctx) {
        this.viewModel = new UsersViewModel(ctx);
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        content.setVisible(viewModel.allowed());
        adminsOnly.setVisible(!viewModel.allowed());
        usersTable.setItems(viewModel.users());
        column(idColumn, UserView::id);
        column(usernameColumn, UserView::username);
        column(emailColumn, UserView::email);
        column(roleColumn, UserView::role);
        column(enabledColumn, u -> u.enabled() ? "yes" : "no");
        column(createdColumn, viewModel::created);
        usersTable.setRowFactory(t -> marked(new TableRow<>()));
        usersTable.getSelectionModel().selectedItemProperty().subscribe(viewModel.selected()::set);
        viewModel.selected().subscribe(u -> {
            if (u != usersTable.getSelectionModel().getSelectedItem()) usersTable.getSelectionModel().select(u);
        });
        selectedLabel.textProperty().bind(viewModel.selected().map(u -> "Selected: " + u.username()).orElse("Select a user"));
        selectedRoleBox.getItems().setAll(UsersViewModel.ROLES);
        selectedRoleBox.valueProperty().bindBidirectional(viewModel.selectedRole());
        selectedRoleBox.disableProperty().bind(viewModel.selected().isNull());
        applyRoleButton.disableProperty().bind(viewModel.selected().isNull().or(viewModel.working()));
        toggleEnabledButton.disableProperty().bind(viewModel.selected().isNull().or(viewModel.working()));
        toggleEnabledButton.textProperty().bind(viewModel.selected().map(u -> u.enabled() ? "Disable" : "Enable").orElse("Disable"));
        usernameField.textProperty().bindBidirectional(viewModel.username());
        emailField.textProperty().bindBidirectional(viewModel.email());
        passwordField.textProperty().bindBidirectional(viewModel.password());
        roleBox.getItems().setAll(UsersViewModel.ROLES);
        roleBox.valueProperty().bindBidirectional(viewModel.role());
        usernameError.textProperty().bind(viewModel.usernameError());
        emailError.textProperty().bind(viewModel.emailError());
        passwordError.textProperty().bind(viewModel.passwordError());
        roleError.textProperty().bind(viewModel.roleError());
        formError.textProperty().bind(viewModel.formError());
        createButton.disableProperty().bind(viewModel.working());
    }

    private static void column(TableColumn<UserView, Object> column, Function<UserView, Object> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    private static TableRow<UserView> marked(TableRow<UserView> row) {
        row.itemProperty().subscribe(u -> {
            row.getStyleClass().remove("disabled-user");
            if (u != null && !u.enabled()) row.getStyleClass().add("disabled-user");
        });
        return row;
    }

    @Override
    public void onShow() {
        viewModel.refresh();
    }

    @FXML
    private void create() {
        viewModel.create();
    }

    @FXML
    private void applyRole() {
        viewModel.applyRole();
    }

    @FXML
    private void toggleEnabled() {
        viewModel.toggleEnabled();
    }

    @Override
    public String title() {
        return "Users";
    }

    @Override
    public Parent root() {
        return root;
    }
}
