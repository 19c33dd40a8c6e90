namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private int _logoutCount;
    private int _mvpdLogoutPageViews;

    /// <summary>How many logout requests got past validation, whatever they answered (checklist: logout only on a user's request).</summary>
    public int LogoutCount
    {
        get
        {
            lock (_gate)
            {
                return _logoutCount;
            }
        }
    }

    /// <summary>How many times a browser opened the emulated MVPD logout page.</summary>
    public int MvpdLogoutPageViews
    {
        get
        {
            lock (_gate)
            {
                return _mvpdLogoutPageViews;
            }
        }
    }

    internal void RecordLogout()
    {
        lock (_gate)
        {
            _logoutCount++;
        }
    }

    internal void RecordMvpdLogoutPageView()
    {
        lock (_gate)
        {
            _mvpdLogoutPageViews++;
        }
    }
}
