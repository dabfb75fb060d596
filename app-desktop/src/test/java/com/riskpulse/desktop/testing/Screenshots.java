package com.riskpulse.desktop.testing;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Saves a snapshot of a real scene to {@code docs/screenshots/<name>.png} (the README shows them). Works headless
 * (Monocle, software rendering). Tests call it after the state they prove is on screen.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** The repository's docs/screenshots, found from the module's working directory. */
    public static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
        return root.resolve("docs").resolve("screenshots");
    }

    public static Path save(Scene scene, String name) {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                shot.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        try {
            WritableImage image = shot.get(10, TimeUnit.SECONDS);
            Path file = folder().resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not take screenshot " + name, e);
        }
    }
}
