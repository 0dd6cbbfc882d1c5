import { signInConfig } from '@relais/vite-config/sign-in';
import { defineConfig } from 'vite';

export default defineConfig(signInConfig(import.meta.dirname));
