package com.riskpulse.desktop.start;

import com.riskpulse.desktop.remote.ServerUrl;

/** Where the console connects: the engine on this computer, or a server at a URL. */
public sealed interface Connection {

    /** The engine runs inside the console, on H2 in the user's data folder. */
    record ThisComputer() implements Connection {
    }

    /** A shared headless server; the URL is checked (http or https with a host) and kept without a trailing slash. */
    record Server(String url) implements Connection {
        public Server {
            url = ServerUrl.parse(url).http();
        }
    }
}
