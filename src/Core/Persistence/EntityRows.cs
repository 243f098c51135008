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
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <summary>"alias.col AS alias_col, …" for every mapped column of <typeparamref name="T"/>.</summary>
    public static string Columns<T>(YouthMonthDb db, string alias) =>
        string.Join(", ", Properties<T>(db).Select(p => $"{alias}.{p.GetColumnName()} AS {alias}_{p.GetColumnName()}"));

    /// <summary>
    /// The entity in the current row, read from the columns named "prefix + column" (as <see cref="Columns"/> names them), or
    /// null when its key column is NULL (an outer join that found nothing). Not attached: the caller attaches.
    /// </summary>
    public static T? Read<T>(YouthMonthDb db, DbDataReader reader, string prefix = "") where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var key = type.FindPrimaryKey()!.Properties[0];
        if (reader.IsDBNull(reader.GetOrdinal(prefix + key.GetColumnName()))) return null;
        var entity = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        foreach (var p in type.GetProperties())
        {
            if (p.PropertyInfo is not { } property) continue;
            var ordinal = reader.GetOrdinal(prefix + p.GetColumnName());
            object? value = null;
            if (!reader.IsDBNull(ordinal))
            {
                var converter = p.GetTypeMapping().Converter;
                var provider = converter?.ProviderClrType ?? p.ClrType;
                value = Getter(Nullable.GetUnderlyingType(provider) ?? provider)(reader, ordinal);
                if (converter is not null) value = converter.ConvertFromProvider(value);
            }
            property.SetValue(entity, value);
        }
        return entity;
    }

    private static IEnumerable<IProperty> Properties<T>(YouthMonthDb db) =>
        (db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped"))
        .GetProperties().Where(p => p.PropertyInfo is not null);

    // reader.GetFieldValue<T> for the provider type: GetValue would give DateTime for timestamptz, not DateTimeOffset.
    private static Func<DbDataReader, int, object> Getter(Type type) => Getters.GetOrAdd(type, t =>
    {
        var method = GetFieldValue.MakeGenericMethod(t);
        return (reader, ordinal) => method.Invoke(reader, [ordinal])!;
    });
}
