package io.dltrigger.ingest.table;

import io.dltrigger.contract.EventTableContract;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The event table's columns (README "Data contracts between stages"): {@code source_file}, {@code entry},
 * then one list column per configured member, in configuration order.
 */
public final class EventTableSchema implements Serializable {
    public static final String SOURCE_FILE = EventTableContract.SOURCE_FILE;
    public static final String ENTRY = EventTableContract.ENTRY;
    static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    static final ArrowType INT32 = new ArrowType.Int(32, true);

    private final List<MemberColumn> members;

    public EventTableSchema(List<MemberColumn> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no member columns configured");
        }
        this.members = List.copyOf(members);
    }

    public List<MemberColumn> members() {
        return members;
    }

    public List<String> branches() {
        return members.stream().map(MemberColumn::branch).toList();
    }

    /** The list field a member's branch must read as, named like the branch (the reader's naming). */
    public static Field branchField(MemberColumn m) {
        return listField(m.branch(), m);
    }

    public static Field columnField(MemberColumn m) {
        return listField(m.column(), m);
    }

    private static Field listField(String name, MemberColumn m) {
        Field element = new Field("element", FieldType.notNullable(m.integer() ? INT32 : FLOAT32), null);
        return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE), List.of(element));
    }

    /** Arrow schema of the Parquet files. */
    public Schema arrowSchema() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.notNullable(SOURCE_FILE, ArrowType.Utf8.INSTANCE));
        fields.add(Field.notNullable(ENTRY, new ArrowType.Int(64, true)));
        members.forEach(m -> fields.add(columnField(m)));
        return new Schema(fields);
    }

    /** Human-readable type of a member column, for error messages. */
    public static String typeName(MemberColumn m) {
        return m.integer() ? "list<int32>" : "list<float32>";
    }
}
