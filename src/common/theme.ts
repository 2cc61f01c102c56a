import type { ThemeOptions } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// react-admin's light and dark themes, made to pass WCAG AA: colours whose text reaches 4.5:1, and a visible focus ring.

/** MUI picks black or white text on a coloured chip or button by this ratio: 4.5 is WCAG AA for normal text. */
const CONTRAST_AA = 4.5;

/** A ring around whatever has keyboard focus, in a colour that stands out on the theme's background. */
const focusRing = (color: string): ThemeOptions['components'] => ({
    MuiButtonBase: {
        styleOverrides: {
            root: { '&.Mui-focusVisible': { outline: `2px solid ${color}`, outlineOffset: 2 } },
        },
    },
});

function withA11y(base: RaThemeOptions, palette: ThemeOptions['palette'], ringColor: string): RaThemeOptions {
    return {
        ...base,
        palette: { ...base.palette, ...palette, contrastThreshold: CONTRAST_AA },
        components: { ...base.components, ...focusRing(ringColor) },
    };
}

/** Darker shades of MUI's colours: white text on them, and they as text on white, reach 4.5:1 (Material 700-900). */
export const lightTheme = withA11y(defaultLightTheme, {
    primary: { main: '#1565c0' },
    secondary: { main: '#1565c0' },
    error: { main: '#c62828' },
    warning: { main: '#a35200' },
    info: { main: '#0277bd' },
    success: { main: '#2e7d32' },
}, '#1565c0');

/** MUI's dark colours are light shades: with the AA threshold their chips get black text. */
export const darkTheme = withA11y(defaultDarkTheme, {}, '#90caf9');
