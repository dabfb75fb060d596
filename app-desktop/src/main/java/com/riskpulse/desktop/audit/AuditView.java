package com.riskpulse.desktop.audit;

import com.riskpulse.desktop.audit.AuditViewModel.Row;
import com.riskpulse.desktop.audit.AuditViewModel.Verdict;
import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.audit.AuditAction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/** The audit trail (admins only): filtered, key-paged entries; verifying the hash chain; export to CSV. */
public final class AuditView implements Screen {

    private final AuditViewModel viewModel;
    private final Parent root;

    @FXML private BorderPane content;
    @FXML private Label adminsOnly;
    @FXML private TextField actorField, targetField, fromTime, toTime;
    @FXML private ComboBox<AuditAction> actionBox;
    @FXML private DatePicker fromDate, toDate;
    @FXML private Label dateError, verifyBanner, pageLabel, statusLabel, exportLabel;
    @FXML private Button searchButton, verifyButton, previousButton, nextButton, exportButton, cancelExportButton;
    @FXML private ProgressIndicator verifyProgress;
    @FXML private ProgressBar exportProgress;
    @FXML private TableView<Row> entriesTable;
    @FXML private TableColumn<Row, Object> seqColumn, timeColumn, actorColumn, roleColumn, originColumn, actionColumn,
            targetColumn, detailsColumn;

    public AuditView(ScreenContext ctx) {
        this.viewModel = new AuditViewModel(ctx);
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        content.setVisible(viewModel.allowed());
        adminsOnly.setVisible(!viewModel.allowed());
        actorField.textProperty().bindBidirectional(viewModel.actor());
        actionBox.getItems().add(null);
        actionBox.getItems().addAll(AuditAction.values());
        actionBox.valueProperty().bindBidirectional(viewModel.action());
        targetField.textProperty().bindBidirectional(viewModel.targetPrefix());
        fromDate.valueProperty().bindBidirectional(viewModel.fromDate());
        toDate.valueProperty().bindBidirectional(viewModel.toDate());
        fromTime.textProperty().bindBidirectional(viewModel.fromTime());
        toTime.textProperty().bindBidirectional(viewModel.toTime());
        dateError.textProperty().bind(viewModel.dateError());
        searchButton.disableProperty().bind(viewModel.canSearch().not());
        verifyButton.disableProperty().bind(viewModel.verdict().isEqualTo(Verdict.RUNNING));
        verifyProgress.visibleProperty().bind(viewModel.verdict().isEqualTo(Verdict.RUNNING));
        verifyBanner.textProperty().bind(viewModel.verifyMessage());
        viewModel.verdict().subscribe(this::showVerdict);
        entriesTable.setItems(viewModel.rows());
        column(seqColumn, Row::seq);
        column(timeColumn, Row::time);
        column(actorColumn, Row::actor);
        column(roleColumn, Row::role);
        column(originColumn, Row::origin);
        column(actionColumn, Row::action);
        column(targetColumn, Row::target);
        column(detailsColumn, Row::details);
        previousButton.disableProperty().bind(viewModel.hasPrevious().not().or(viewModel.loading()));
        nextButton.disableProperty().bind(viewModel.hasNext().not().or(viewModel.loading()));
        pageLabel.textProperty().bind(viewModel.pageLabel());
        statusLabel.textProperty().bind(viewModel.status());
        exportProgress.visibleProperty().bind(viewModel.exportJob().running());
        exportProgress.setProgress(-1);
        cancelExportButton.visibleProperty().bind(viewModel.exportJob().running());
        exportButton.disableProperty().bind(viewModel.exportJob().running());
        exportLabel.textProperty().bind(Bindings.when(viewModel.exportJob().running())
                .then(viewModel.exportJob().rowsWritten().asString("%,d rows written…"))
                .otherwise(viewModel.exportJob().message()));
    }

    private void showVerdict(Verdict verdict) {
        verifyBanner.getStyleClass().removeAll("intact", "broken");
        if (verdict == Verdict.INTACT) verifyBanner.getStyleClass().add("intact");
        if (verdict == Verdict.BROKEN || verdict == Verdict.FAILED) verifyBanner.getStyleClass().add("broken");
    }

    private static void column(TableColumn<Row, Object> column, Function<Row, Object> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    @Override
    public void onShow() {
        if (viewModel.allowed()) viewModel.search();
    }

    @FXML
    private void search() {
        viewModel.search();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void previous() {
        viewModel.previous();
    }

    @FXML
    private void verify() {
        viewModel.verify();
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit trail to CSV");
        chooser.setInitialFileName("audit.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) viewModel.export(file.toPath());
    }

    @FXML
    private void cancelExport() {
        viewModel.cancelExport();
    }

    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public Parent root() {
        return root;
    }
}
