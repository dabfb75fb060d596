package com.riskpulse.desktop.config;

import com.riskpulse.desktop.config.ConfigurationViewModel.Field;
import com.riskpulse.desktop.config.ConfigurationViewModel.LevelCount;
import com.riskpulse.desktop.config.ConfigurationViewModel.RuleRow;
import com.riskpulse.desktop.config.ConfigurationViewModel.VersionRow;
import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.score.RiskLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.function.Function;

/** The configuration screen (admins): the form, its problems and changes, preview, save and the version history. */
public final class ConfigurationView implements Screen {

    private final ConfigurationViewModel vm;
    private final Parent root;

    @FXML private Label versionLabel;
    @FXML private Label changesLabel;
    @FXML private ProgressIndicator previewProgress;
    @FXML private Button revertButton;
    @FXML private Button previewButton;
    @FXML private Button saveButton;
    @FXML private HBox messageBar;
    @FXML private Label messageLabel;
    @FXML private Button reloadButton;
    @FXML private TextField lowField;
    @FXML private TextField mediumField;
    @FXML private TextField highField;
    @FXML private TextField criticalField;
    @FXML private Label lowProblem;
    @FXML private Label mediumProblem;
    @FXML private Label highProblem;
    @FXML private Label criticalProblem;
    @FXML private Label thresholdsProblem;
    @FXML private ComboBox<RiskLevel> alertLevelBox;
    @FXML private TextField retentionField;
    @FXML private Label retentionProblem;
    @FXML private TextField biasField;
    @FXML private Label biasProblem;
    @FXML private GridPane weightGrid;
    @FXML private VBox ruleBox;
    @FXML private TextField commentField;
    @FXML private VBox problemsBox;
    @FXML private Label otherProblems;
    @FXML private ListView<String> problemsList;
    @FXML private ListView<String> changesList;
    @FXML private TabPane sideTabs;
    @FXML private Label previewSummary;
    @FXML private BarChart<String, Number> previewChart;
    @FXML private ListView<String> transitionsList;
    @FXML private TableView<VersionRow> historyTable;
    @FXML private TableColumn<VersionRow, String> versionColumn;
    @FXML private TableColumn<VersionRow, String> savedAtColumn;
    @FXML private TableColumn<VersionRow, String> savedByColumn;
    @FXML private TableColumn<VersionRow, String> commentColumn;
    @FXML private ListView<String> differencesList;

    public ConfigurationView(ScreenContext ctx) {
        this.vm = new ConfigurationViewModel(ctx);
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        versionLabel.textProperty().bind(vm.versionText());
        changesLabel.textProperty().bind(vm.changesText());
        previewProgress.visibleProperty().bind(vm.previewRunning());
        revertButton.disableProperty().bind(vm.changed().not());
        previewButton.disableProperty().bind(vm.canPreview().not());
        saveButton.disableProperty().bind(vm.canSave().not());
        messageBar.visibleProperty().bind(vm.message().isNotEmpty());
        messageBar.managedProperty().bind(messageBar.visibleProperty());
        messageLabel.textProperty().bind(vm.message());
        reloadButton.visibleProperty().bind(vm.conflict());
        field(lowField, lowProblem, vm.low());
        field(mediumField, mediumProblem, vm.medium());
        field(highField, highProblem, vm.high());
        field(criticalField, criticalProblem, vm.critical());
        field(retentionField, retentionProblem, vm.retentionDays());
        field(biasField, biasProblem, vm.bias());
        thresholdsProblem.textProperty().bind(vm.thresholdsProblem());
        thresholdsProblem.managedProperty().bind(vm.thresholdsProblem().isNotEmpty());
        alertLevelBox.getItems().setAll(RiskLevel.values());
        alertLevelBox.valueProperty().bindBidirectional(vm.alertMinimum());
        alertLevelBox.disableProperty().bind(vm.editable().not());
        commentField.textProperty().bindBidirectional(vm.comment());
        commentField.editableProperty().bind(vm.editable());
        otherProblems.textProperty().bind(vm.otherProblems());
        problemsBox.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problemsBox.managedProperty().bind(problemsBox.visibleProperty());
        problemsList.setItems(vm.problems());
        changesList.setItems(vm.changes());
        previewSummary.textProperty().bind(Bindings.when(vm.previewSummary().isEmpty())
                .then("Preview rescores the newest " + ConfigurationViewModel.PREVIEW_SAMPLE + " assessments with your edit. Nothing is changed.")
                .otherwise(vm.previewSummary()));
        transitionsList.setItems(vm.previewTransitions());
        historyTable.setItems(vm.history());
        column(versionColumn, VersionRow::version);
        column(savedAtColumn, VersionRow::savedAt);
        column(savedByColumn, VersionRow::savedBy);
        column(commentColumn, VersionRow::comment);
        vm.selectedVersion().addListener((o, a, b) -> historyTable.getSelectionModel().select(b));
        historyTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedVersion().set(b));
        differencesList.setItems(vm.selectedDifferences());
        vm.weights().addListener((ListChangeListener<Field>) c -> buildWeights());
        vm.rules().addListener((ListChangeListener<RuleRow>) c -> buildRules());
        vm.previewLevels().addListener((ListChangeListener<LevelCount>) c -> buildChart());
    }

    @FXML
    private void revert() {
        vm.revert();
    }

    @FXML
    private void preview() {
        vm.preview();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void reload() {
        vm.reload();
    }

    private void field(TextField input, Label problem, Field field) {
        input.textProperty().bindBidirectional(field.text());
        input.editableProperty().bind(vm.editable());
        problem.textProperty().bind(field.problem());
        field.problem().addListener((o, a, b) -> input.pseudoClassStateChanged(INVALID, !b.isEmpty()));
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private void buildWeights() {
        weightGrid.getChildren().clear();
        int row = 0;
        for (Field w : vm.weights()) {
            TextField input = new TextField();
            input.setId("weight-" + w.label());
            input.setPrefColumnCount(6);
            Label problem = new Label();
            problem.setId("weight-" + w.label() + "-problem");
            problem.getStyleClass().add("problem");
            field(input, problem, w);
            weightGrid.addRow(row++, new Label(w.label()), input, problem);
        }
    }

    private void buildRules() {
        ruleBox.getChildren().clear();
        for (RuleRow r : vm.rules()) {
            ToggleSwitch toggle = new ToggleSwitch(r.name());
            toggle.setId("rule-" + r.name());
            toggle.selectedProperty().bindBidirectional(r.enabled());
            toggle.disableProperty().bind(vm.editable().not());
            Label description = new Label(r.description());
            description.getStyleClass().add("rule-description");
            description.setWrapText(true);
            Label problem = new Label();
            problem.getStyleClass().add("problem");
            problem.textProperty().bind(r.problem());
            ruleBox.getChildren().add(new VBox(2, toggle, description, problem));
        }
    }

    private void buildChart() {
        XYChart.Series<String, Number> current = new XYChart.Series<>();
        XYChart.Series<String, Number> proposed = new XYChart.Series<>();
        var p = vm.previewResult().get();
        current.setName(p == null ? "current" : "current (v" + p.current().version() + ")");
        proposed.setName("proposed");
        for (LevelCount l : vm.previewLevels()) {
            current.getData().add(new XYChart.Data<>(l.level().name(), l.current()));
            proposed.getData().add(new XYChart.Data<>(l.level().name(), l.proposed()));
        }
        previewChart.getData().setAll(java.util.List.of(current, proposed));
    }

    private static void column(TableColumn<VersionRow, String> column, Function<VersionRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @Override
    public String title() {
        return "Configuration";
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShow() {
        vm.load();
    }

    /** For tests and the main window. */
    public ConfigurationViewModel viewModel() {
        return vm;
    }
}
