package io.dltrigger.bridge.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Arrow <-> Parquet schema mapping. Lists (and fixed-size lists) use Parquet's standard three-level LIST
 * layout ({@code group (LIST) { repeated group list { element } }}), which Spark, Flink and Arrow's
 * C++ reader all read as arrays. Non-nullable Arrow fields become REQUIRED columns.
 */
public final class ParquetSchemas {
    private ParquetSchemas() {}

    public static MessageType toParquet(Schema schema) {
        List<Type> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            fields.add(toParquet(f, f.getName()));
        }
        return new MessageType("event", fields);
    }

    private static Type toParquet(Field f, String name) {
        Type.Repetition rep = f.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        ArrowType t = f.getType();
        if (t instanceof ArrowType.List || t instanceof ArrowType.FixedSizeList) {
            Type element = toParquet(f.getChildren().get(0), "element");
            return Types.buildGroup(rep)
                    .as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(element).named("list"))
                    .named(name);
        }
        return primitive(t, rep, name);
    }

    private static PrimitiveType primitive(ArrowType t, Type.Repetition rep, String name) {
        if (t instanceof ArrowType.Bool) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        } else if (t instanceof ArrowType.Int i) {
            PrimitiveTypeName p = i.getBitWidth() == 64 ? PrimitiveTypeName.INT64 : PrimitiveTypeName.INT32;
            return Types.primitive(p, rep)
                    .as(LogicalTypeAnnotation.intType(i.getBitWidth(), i.getIsSigned()))
                    .named(name);
        } else if (t instanceof ArrowType.FloatingPoint fp) {
            return Types.primitive(
                            fp.getPrecision() == FloatingPointPrecision.DOUBLE
                                    ? PrimitiveTypeName.DOUBLE
                                    : PrimitiveTypeName.FLOAT,
                            rep)
                    .named(name);
        } else if (t instanceof ArrowType.Utf8) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(name);
        }
        throw new IllegalArgumentException("no Parquet mapping for Arrow type " + t + " of column " + name);
    }

    public static Schema toArrow(MessageType message) {
        List<Field> fields = new ArrayList<>();
        for (Type t : message.getFields()) {
            fields.add(toArrow(t, t.getName()));
        }
        return new Schema(fields);
    }

    static Field toArrow(Type t, String name) {
        boolean nullable = t.getRepetition() != Type.Repetition.REQUIRED;
        if (!t.isPrimitive()) {
            GroupType g = t.asGroupType();
            if (!(g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
                    || g.getFieldCount() != 1
                    || g.getType(0).isPrimitive()) {
                throw new IllegalArgumentException(
                        "column " + name + ": only primitive and LIST columns are supported");
            }
            Type element = g.getType(0).asGroupType().getType(0);
            return new Field(
                    name,
                    new FieldType(nullable, ArrowType.List.INSTANCE, null),
                    List.of(toArrow(element, ListVector.DATA_VECTOR_NAME)));
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        ArrowType type = switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case INT32, INT64 ->
                logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation it
                        ? new ArrowType.Int(it.getBitWidth(), it.isSigned())
                        : new ArrowType.Int(p.getPrimitiveTypeName() == PrimitiveTypeName.INT64 ? 64 : 32, true);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BINARY -> ArrowType.Utf8.INSTANCE;
            default -> throw new IllegalArgumentException("column " + name + ": unsupported Parquet type " + p);
        };
        return new Field(name, new FieldType(nullable, type, null), null);
    }
}
