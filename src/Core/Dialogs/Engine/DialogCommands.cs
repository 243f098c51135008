namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>Every declared command by name, and the Telegram command menu, built once from the declarations.</summary>
public sealed class DialogCommands
{
    private readonly Dictionary<string, DialogCommand> _byName = new(StringComparer.OrdinalIgnoreCase);

    public DialogCommands(IEnumerable<IDialog> dialogs, IEnumerable<IDeclaresCommands> others)
    {
        var all = dialogs.Cast<IDeclaresCommands>().Concat(others).Distinct().SelectMany(s => s.Commands).ToList();
        foreach (var command in all)
            foreach (var name in command.AllNames)
                if (!_byName.TryAdd(name, command))
                    throw new InvalidOperationException($"The command /{name} is declared twice");
        Menu = all.Where(c => c.Menu is not null).OrderBy(c => c.MenuOrder).Select(c => (c.Name, c.Menu!)).ToList();
    }

    /// <summary>Shown by Telegram's command menu (setMyCommands), in Vietnamese.</summary>
    public IReadOnlyList<(string Command, string Description)> Menu { get; }

    public DialogCommand? Find(string? name) => name is not null && _byName.TryGetValue(name, out var c) ? c : null;
}
