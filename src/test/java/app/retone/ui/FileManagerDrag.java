package app.retone.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A drag gesture from outside the app, as JavaFX hands one to a window: a dragboard holding what
 * the other program offers, with the transfer modes it allows (a file manager allows copy, move
 * and link). The window's own handlers see it as they see a real drop; only the operating
 * system's part of the gesture is left out.
 */
final class FileManagerDrag {

    private final Dragboard board;

    FileManagerDrag(ClipboardContent content) {
        board = DragboardHelper.createDragboard(new Board(EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK)));
        DragboardHelper.setDataAccessRestriction(board, false);
        board.setContent(content);
    }

    /** Fires a drag event of {@code type} at the middle of {@code target}, on the FX thread; returns it for its outcome. */
    DragEvent fire(EventType<DragEvent> type, Node target) {
        Bounds b = target.localToScene(target.getBoundsInLocal());
        Bounds s = target.localToScreen(target.getBoundsInLocal());
        DragEvent event = new DragEvent(target, target, type, board, b.getCenterX(), b.getCenterY(),
                s.getCenterX(), s.getCenterY(), TransferMode.COPY, null, null, null);
        Event.fireEvent(target, event);
        return event;
    }

    /** The toolkit's side of a dragboard, held in memory. */
    private static final class Board implements TKClipboard {
        private final Map<DataFormat, Object> content = new LinkedHashMap<>();
        private final Set<TransferMode> modes;

        Board(Set<TransferMode> modes) {
            this.modes = modes;
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            content.clear();
            for (Pair<DataFormat, Object> p : pairs) {
                content.put(p.getKey(), p.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return modes;
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
