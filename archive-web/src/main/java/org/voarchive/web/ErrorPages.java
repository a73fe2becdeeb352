package org.voarchive.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The page of every error the container answers by itself (an unknown path, a refused method): a line of
 * plain text instead of Payara's default page, which names the server and its version. The protocols'
 * own errors (DALI, UWS, OAI-PMH documents) never come here. web.xml names it as the default error page.
 */
@WebServlet(ErrorPages.PATH)
public class ErrorPages extends HttpServlet {

    static final String PATH = "/.error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, it is no page at all
        int status = code instanceof Integer c ? c : HttpServletResponse.SC_NOT_FOUND;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(status + " " + (type != null ? type.getReasonPhrase() : "Error"));
    }
}
