using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace YouthMonth.Core.Persistence;

/// <summary>
/// Turns a row read with plain Npgsql into an entity as EF would have materialised it (every mapped column, value
/// converters applied), so hot-path SQL can read several things in one round trip and still hand EF tracked
/// entities whose changes SaveChanges writes. Driven by the EF model, so a column added to an entity is read here
/// too; <see cref="Columns"/> gives the matching select list.
/// </summary>
internal static class EntityRows
{
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Getters = new();
    // Every dialog turn asks for the same few lists: built once (the model is the same for every context).
    private static readonly ConcurrentDictionary<(Type, string), string> ColumnLists = new();
    private static readonly MethodInfo MakeGetter = typeof(EntityRows).GetMethod(nameof(GetterOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>"alias.col AS alias_col, …" for every mapped column of <typeparamref name="T"/>.</summary>
    public static string Columns<T>(YouthMonthDb db, string alias) => ColumnLists.GetOrAdd((typeof(T), alias), _ =>
        string.Join(", ", Properties<T>(db).Select(p => $"{alias}.{p.GetColumnName()} AS {alias}_{p.GetColumnName()}")));

    /// <summary>
    /// The entity in the current row, read from the columns named "prefix + column" (as <see cref="Columns"/> names them), or
    /// null when its key column is NULL (an outer join that found nothing). Not attached: the caller attaches.
    /// </summary>
    public static T? Read<T>(YouthMonthDb db, DbDataReader reader, string prefix = "") where T : class
    {
        var key = EntityType<T>(db).FindPrimaryKey()!.Properties[0];
        if (reader.IsDBNull(reader.GetOrdinal(prefix + key.GetColumnName()))) return null;
        var entity = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        foreach (var p in Properties<T>(db))
        {
            var ordinal = reader.GetOrdinal(prefix + p.GetColumnName());
            object? value = null;
            if (!reader.IsDBNull(ordinal))
            {
                var converter = p.GetTypeMapping().Converter;
                var provider = converter?.ProviderClrType ?? p.ClrType;
                value = Getter(Nullable.GetUnderlyingType(provider) ?? provider)(reader, ordinal);
                if (converter is not null) value = converter.ConvertFromProvider(value);
            }
            p.PropertyInfo!.SetValue(entity, value);
        }
        return entity;
    }

    private static IEntityType EntityType<T>(YouthMonthDb db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");

    private static IEnumerable<IProperty> Properties<T>(YouthMonthDb db) =>
        EntityType<T>(db).GetProperties().Where(p => p.PropertyInfo is not null);

    // reader.GetFieldValue<T> for the provider type: GetValue would give DateTime for timestamptz, not DateTimeOffset.
    // Made once per type, so reading a value is a delegate call, not MethodInfo.Invoke.
    private static Func<DbDataReader, int, object> Getter(Type type) =>
        Getters.GetOrAdd(type, t => (Func<DbDataReader, int, object>)MakeGetter.MakeGenericMethod(t).Invoke(null, null)!);

    private static Func<DbDataReader, int, object> GetterOf<TValue>() => (reader, ordinal) => reader.GetFieldValue<TValue>(ordinal)!;
}
