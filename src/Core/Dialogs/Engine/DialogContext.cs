using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// One turn of a dialog: the chat, who it belongs to, the saved state and the replies. Every question goes
/// through <see cref="Ask"/>, which saves the step and the prompt in <see cref="DialogState"/> (committed with the
/// replies by ChatProcessor), so the next message, after any restart, is read against the same prompt.
/// </summary>
public sealed class DialogContext
{
    private readonly List<string> _notes = [];
    private StoredState _stored;

    private DialogContext(Conversation conversation, DialogState state, TimeZoneInfo zone)
    {
        Conversation = conversation;
        State = state;
        Zone = zone;
        _stored = MessageJson.Deserialize<StoredState>(string.IsNullOrWhiteSpace(state.Data) ? "{}" : state.Data);
    }

    public Conversation Conversation { get; }
    public YouthMonthDb Db => Conversation.Db;
    public ChatAccount Chat => Conversation.Chat;
    public IncomingMessage Message => Conversation.Message;
    public DateTimeOffset Now => Conversation.Now;
    public TimeZoneInfo Zone { get; }
    public DateOnly Today => DateOnly.FromDateTime(VietnamTime.ToLocal(Now, Zone));
    public DialogState State { get; }
    /// <summary>Telegram shows real buttons; Zalo and the local chat show numbered lists.</summary>
    public bool Buttons => Chat.Channel == Channel.Telegram;
    /// <summary>The contact this private chat reports for; null when unbound or the office has deactivated the contact.</summary>
    public Contact? Contact => Chat.Contact is { Active: true } c ? c : null;
    public Unit? Unit => Contact?.Unit;
    public bool IsRegistered => Contact is not null || Chat.LeaderChat is { Active: true };
    public string? Dialog => State.Dialog;
    public string? Step => State.Step;
    public Prompt? Prompt => _stored.Prompt;
    /// <summary>The question "Bạn đang báo cáo dở …, tiếp tục nhé?" is waiting for an answer.</summary>
    public bool AwaitingResume => _stored.AwaitingResume;

    public static async Task<DialogContext> LoadAsync(Conversation conversation, CancellationToken ct)
    {
        var db = conversation.Db;
        var chat = conversation.Chat;
        // ChatProcessor loads these with the chat; anyone else gets them loaded here.
        if (chat.ContactId is not null && !db.Entry(chat).Reference(c => c.Contact).IsLoaded)
            await db.Entry(chat).Reference(c => c.Contact).LoadAsync(ct);
        if (chat.Contact is not null && !db.Entry(chat.Contact).Reference(c => c.Unit).IsLoaded)
            await db.Entry(chat.Contact).Reference(c => c.Unit).LoadAsync(ct);
        if (chat.LeaderChatId is not null && !db.Entry(chat).Reference(c => c.LeaderChat).IsLoaded)
            await db.Entry(chat).Reference(c => c.LeaderChat).LoadAsync(ct);
        var state = await LoadStateAsync(db, conversation, chat, ct);
        if (state is null)
        {
            state = new DialogState { ChatAccountId = chat.Id, UpdatedAt = conversation.Now };
            db.DialogStates.Add(state);
        }
        var zoneId = chat.Contact?.Unit is { } unit ? await PlanCache.TimeZoneIdAsync(db, unit.OrganisationId, ct) : null;
        return new DialogContext(conversation, state, VietnamTime.Zone(zoneId));
    }

    private sealed record StateRow(long PlanVersion, int? ChatAccountId, string? Data, string? Dialog, string? Step, DateTimeOffset? UpdatedAt, long? Xmin);

    /// <summary>
    /// The chat's saved state and the plan's version in one round trip (the version tells <see cref="PlanCache"/>
    /// whether its plan is still current); the state is attached to the context as if EF had read it.
    /// </summary>
    private static async Task<DialogState?> LoadStateAsync(YouthMonthDb db, Conversation conversation, ChatAccount chat, CancellationToken ct)
    {
        if (db.DialogStates.Local.FirstOrDefault(s => s.ChatAccountId == chat.Id && chat.Id != 0) is { } tracked) return tracked;
        // ChatProcessor read it with the chat (and told PlanCache the version); a chat without a state has none.
        if (conversation.Prefetched is { } prefetched) return prefetched.State;
        var row = await db.Database.SqlQuery<StateRow>($"""
            SELECT v.value AS plan_version, d.chat_account_id, d.data::text AS data, d.dialog, d.step, d.updated_at, d.xmin::text::bigint AS xmin
            FROM plan_version v LEFT JOIN dialog_states d ON d.chat_account_id = {chat.Id}
            """).SingleAsync(ct);
        PlanCache.UseVersion(db, row.PlanVersion);
        if (row.ChatAccountId is null) return null;
        var state = new DialogState
        {
            ChatAccountId = row.ChatAccountId.Value, Data = row.Data ?? "{}", Dialog = row.Dialog, Step = row.Step,
            UpdatedAt = row.UpdatedAt!.Value, Version = (uint)row.Xmin!.Value,
        };
        db.DialogStates.Attach(state);
        return state;
    }

    /// <summary>
    /// True while more photos of this message's album wait in the inbox: answer once per album (on its last
    /// photo), not once per photo. The message being handled is still unprocessed, so it counts itself.
    /// </summary>
    public async Task<bool> MoreOfAlbumPendingAsync(CancellationToken ct)
    {
        if (Message.MediaGroupId is not { } album) return false;
        var channel = Message.Channel.ToString();
        var waiting = await Db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM inbox
            WHERE channel = {channel} AND chat_id = {Message.ChatId} AND processed_at IS NULL
              AND payload->>'mediaGroupId' = {album}
            """).SingleAsync(ct);
        return waiting > 1;
    }

    /// <summary>How many times this turn began a dialog; a dialog's data from before a new start is stale.</summary>
    public int Starts { get; private set; }

    public T Data<T>() where T : new() =>
        _stored.Data is { } json ? json.Deserialize<T>(MessageJson.Options) ?? new T() : new T();

    public void SetData<T>(T data) => _stored.Data = JsonSerializer.SerializeToElement(data, MessageJson.Options);

    /// <summary>Starts (or restarts) a dialog with fresh data.</summary>
    public void Begin<T>(string dialog, T data)
    {
        Starts++;
        State.Dialog = dialog;
        _stored = new StoredState();
        SetData(data);
    }

    /// <summary>A line said before the next question, in the same message ("Đã ghi: 150 lượt.").</summary>
    public void Note(string text) => _notes.Add(text);

    /// <summary>Asks a question and waits for its answer in <paramref name="step"/>.</summary>
    public void Ask(string step, Prompt prompt)
    {
        State.Step = step;
        _stored.Prompt = prompt;
        _stored.AwaitingResume = false;
        _stored.ResumeArgs = null;
        Conversation.Reply(prompt.ToMessage(TakeNotes(), Buttons));
    }

    /// <summary>Asks the current question again, after <paramref name="before"/> (an error or a reminder).</summary>
    public void AskAgain(string? before = null)
    {
        if (before is not null) _notes.Add(before);
        _stored.AwaitingResume = false;
        _stored.ResumeArgs = null;
        if (Prompt is { } p) Conversation.Reply(p.ToMessage(TakeNotes(), Buttons));
    }

    /// <summary>What "Làm lại từ đầu" on the resume question starts: the period named by "/baocao tuần 1" sent mid-dialog.</summary>
    public string? ResumeArgs => _stored.ResumeArgs;

    public void AskToResume(Prompt question, string? restartArgs = null)
    {
        _stored.AwaitingResume = true;
        _stored.ResumeArgs = restartArgs;
        Conversation.Reply(question.ToMessage(TakeNotes(), Buttons));
    }

    public void Say(string text) => Conversation.Reply(new OutgoingMessage { Text = Join(TakeNotes(), text) });

    public void Say(OutgoingMessage message) => Conversation.Reply(message with { Text = Join(TakeNotes(), message.Text) });

    /// <summary>Leaves the dialog; the chat is idle again.</summary>
    public void End()
    {
        State.Dialog = null;
        State.Step = null;
        _stored = new StoredState();
    }

    /// <summary>Writes the state back and says any notes not yet said. Called once at the end of the turn.</summary>
    public void Save()
    {
        if (_notes.Count > 0) Conversation.Reply(TakeNotes()!);
        State.Data = MessageJson.Serialize(_stored);
        State.UpdatedAt = Now;
        if (State.ChatAccountId == 0) State.ChatAccount = Chat;
    }

    private string? TakeNotes()
    {
        if (_notes.Count == 0) return null;
        var text = string.Join("\n", _notes);
        _notes.Clear();
        return text;
    }

    private static string Join(string? before, string text) => before is null ? text : before + "\n\n" + text;

    private sealed class StoredState
    {
        public Prompt? Prompt { get; set; }
        public JsonElement? Data { get; set; }
        public bool AwaitingResume { get; set; }
        public string? ResumeArgs { get; set; }
    }
}
